package org.meldekette.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.util.Map;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Incident;

/**
 * The rules the module split stands for, checked on the production classes of every module. Each
 * rule names why it exists; a class that breaks one fails the build with the offending dependency.
 */
@AnalyzeClasses(packages = "org.meldekette", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  /**
   * The function packages: thin entry points that parse, check, call the domain and the store, and
   * answer.
   */
  static final String[] FUNCTIONS = {
    "org.meldekette.intake..",
    "org.meldekette.lifecycle..",
    "org.meldekette.alerts..",
    "org.meldekette.reminders..",
    "org.meldekette.mailbox..",
    "org.meldekette.vault.."
  };

  @ArchTest
  static final ArchRule theDomainKnowsNoCloudTypes =
      classes()
          .that()
          .resideInAPackage("org.meldekette.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "javax.crypto..",
              "org.meldekette.domain..",
              "com.google.gson..",
              "com.samskivert.mustache..")
          .because(
              "the process rules are tested without an emulator and read without knowing Google Cloud");

  @ArchTest
  static final ArchRule changesAreMadeByTheDomain =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.meldekette.domain..")
          .should()
          .callConstructor(
              Change.class,
              ChangeType.class,
              Actor.class,
              Instant.class,
              String.class,
              String.class,
              Map.class,
              Map.class)
          .because("a change is described once, by the domain's factories, with a ChangeType");

  @ArchTest
  static final ArchRule incidentsAreWrittenOnlyThroughOneWritePath =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("org.meldekette.store.IncidentWrites")
          .should()
          .callMethod("org.meldekette.store.IncidentDocuments", "fields", Incident.class.getName())
          .because(
              "every incident document carries its deadlines, chain head and change: IncidentWrites writes it");

  @ArchTest
  static final ArchRule functionsLeaveFirestoreToTheStore =
      noClasses()
          .that()
          .resideInAnyPackage(FUNCTIONS)
          .and()
          .haveSimpleNameNotEndingWith("Function")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.google.cloud.firestore..")
          .because(
              "a function is thin: the store's domain-level operations are its only way to Firestore"
                  + " (the entry point only hands the client to the store)");

  @ArchTest
  static final ArchRule theStoreLeavesWhatFollowsACommitToListeners =
      noClasses()
          .that()
          .resideInAPackage("org.meldekette.store..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.meldekette.audit..", "org.meldekette.tasks..", "org.meldekette.notify..")
          .because(
              "audit export, reminders and notifications follow a commit as CommitListeners, not as calls back");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("org.meldekette.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule nothingDeployedUsesTheLocalStack =
      noClasses()
          .that()
          .resideOutsideOfPackages("org.meldekette.dev..", "org.meldekette.testing..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.meldekette.dev..")
          .because("the stand-ins of ./run-local.sh are never part of a deployed function");

  @ArchTest
  static final ArchRule functionsDoNotUseEachOther =
      slices()
          .matching("org.meldekette.(intake|lifecycle|alerts|reminders|mailbox|vault)..")
          .should()
          .notDependOnEachOther()
          .because("each function deploys on its own");

  @ArchTest
  static void theRulesSeeEveryModule(JavaClasses classes) {
    for (String name :
        new String[] {
          "org.meldekette.domain.lifecycle.PhaseRules",
          "org.meldekette.store.IncidentStore",
          "org.meldekette.dev.LocalHosting",
          "org.meldekette.intake.ReportIntakeFunction",
          "org.meldekette.lifecycle.IncidentLifecycleFunction",
          "org.meldekette.alerts.AlertTriageFunction",
          "org.meldekette.reminders.DeadlineReminderFunction",
          "org.meldekette.mailbox.MailboxFunction",
          "org.meldekette.vault.EvidenceVaultFunction"
        }) {
      if (!classes.contain(name)) {
        throw new AssertionError(
            "the architecture rules do not see "
                + name
                + ": a module is missing from the classpath");
      }
    }
  }
}
