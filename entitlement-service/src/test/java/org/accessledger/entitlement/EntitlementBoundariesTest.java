package org.accessledger.entitlement;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.accessledger.entitlement.profile.AccessHistory;
import org.accessledger.entitlement.profile.AccessSnapshot;
import org.accessledger.entitlement.profile.AccessTimelineCorrected;
import org.accessledger.entitlement.profile.CurrentAccessSource;
import org.accessledger.entitlement.profile.DecideApproval;
import org.accessledger.entitlement.profile.PolicyImpact;
import org.accessledger.entitlement.profile.WorkerChangesToAccess;
import org.accessledger.entitlement.profile.WorkerFactsChanged;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The access policy is pure; the access profile is reached only through its commands, events and the port it reads current access by; no package cycles. */
class EntitlementBoundariesTest {

    static final JavaClasses ENTITLEMENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.accessledger.entitlement");

    @Test
    void policyUsesNoAxonSpringMongoOrPlatform() {
        noClasses().that().resideInAPackage("org.accessledger.entitlement.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..", "com.mongodb..", "org.bson..",
                        "org.accessledger.platform..")
                .check(ENTITLEMENT);
    }

    @Test
    void entitlementServiceDoesNotDependOnTheOtherServices() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.accessledger.identity..", "org.accessledger.connector..")
                .check(ENTITLEMENT);
    }

    @Test
    void outsidersReachTheProfileOnlyThroughItsCommandsAndEvents() {
        noClasses().that().resideOutsideOfPackage("org.accessledger.entitlement.profile..")
                .should().dependOnClassesThat(resideInAPackage("org.accessledger.entitlement.profile..")
                        .and(not(belongToAnyOf(DecideApproval.class, WorkerFactsChanged.class, CurrentAccessSource.class,
                                // the as-of query reads the profile's history as the profile does
                                AccessHistory.class, AccessSnapshot.class, AccessTimelineCorrected.class,
                                // named by its processing group, which the access views wait for
                                WorkerChangesToAccess.class,
                                // a simulation decides as the profiles would, by their decider
                                PolicyImpact.class, PolicyImpact.WorkerDecisions.class))))
                .check(ENTITLEMENT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.accessledger.entitlement.(*)..").should().beFreeOfCycles().check(ENTITLEMENT);
    }
}
