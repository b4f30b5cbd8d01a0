package org.accessledger.identity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.accessledger.identity.worker.Worker;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The Worker aggregate is reached only through commands; its rules stay free of infrastructure. */
class IdentityBoundariesTest {

    static final JavaClasses IDENTITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accessledger.identity");

    @Test
    void nothingOutsideTheWorkerPackageTouchesTheAggregate() {
        noClasses().that().resideOutsideOfPackage("org.accessledger.identity.worker..")
                .should().dependOnClassesThat().areAssignableTo(Worker.class)
                .check(IDENTITY);
    }

    @Test
    void workerRulesUseNoSpringMongoOrWeb() {
        noClasses().that().resideInAPackage("org.accessledger.identity.worker..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "com.mongodb..", "org.bson..",
                        "org.accessledger.platform..")
                .check(IDENTITY);
    }

    @Test
    void identityServiceDoesNotDependOnTheOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.accessledger.entitlement..", "org.accessledger.connector..")
                .check(IDENTITY);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.accessledger.identity.(*)..").should().beFreeOfCycles().check(IDENTITY);
    }
}
