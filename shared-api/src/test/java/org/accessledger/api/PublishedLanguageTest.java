package org.accessledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** shared-api is the published language: plain records other services and HR adapters can depend on. */
class PublishedLanguageTest {

    static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accessledger.api");

    @Test
    void dependsOnNoSpringMongoOrJackson() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "com.fasterxml..", "jakarta.persistence..")
                .check(API);
    }

    @Test
    void dependsOnNoOtherAccessLedgerModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.accessledger.platform..", "org.accessledger.identity..", "org.accessledger.entitlement..",
                        "org.accessledger.connector..")
                .check(API);
    }

    @Test
    void everyWorkerScopedEventIsARevisionedRecord() {
        classes().that().implement(WorkerScoped.class).and().areNotInterfaces().and().haveSimpleNameNotStartingWith("Abstract")
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .check(API);
    }
}
