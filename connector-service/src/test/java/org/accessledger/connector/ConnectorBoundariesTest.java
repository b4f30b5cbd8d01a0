package org.accessledger.connector;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Connectors know their target and nothing of Axon, so they can be tested and reused alone. */
class ConnectorBoundariesTest {

    static final JavaClasses CONNECTOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accessledger.connector");

    @Test
    void spiAndConnectorsImportNoAxon() {
        noClasses().that().resideInAnyPackage("org.accessledger.connector.spi..", "org.accessledger.connector.ldap..",
                        "org.accessledger.connector.scim..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework..")
                .check(CONNECTOR);
    }

    @Test
    void spiDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("org.accessledger.connector.spi..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.accessledger.connector.spi..", "java..")
                .check(CONNECTOR);
    }

    @Test
    void connectorServiceDoesNotDependOnTheOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.accessledger.identity..", "org.accessledger.entitlement..")
                .check(CONNECTOR);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.accessledger.connector.(*)..").should().beFreeOfCycles().check(CONNECTOR);
    }
}
