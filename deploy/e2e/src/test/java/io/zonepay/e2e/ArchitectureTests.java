package io.zonepay.e2e;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules: services never use each other's code, and the shared kernel never uses a service's. */
class ArchitectureTests {

	private static final String[] SERVICES = { "io.zonepay.account..", "io.zonepay.order..", "io.zonepay.payment..", "io.zonepay.config..",
			"io.zonepay.gateway.." };

	private final JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zonepay");

	@Test
	void servicesAreIndependentOfEachOther() {
		slices().matching("io.zonepay.(account|order|payment|config|gateway)..").should().notDependOnEachOther().check(classes);
	}

	@Test
	void theCommonModulesUseNoService() {
		noClasses().that()
			.resideInAnyPackage("io.zonepay.kernel..", "io.zonepay.runtime..", "io.zonepay.service..", "io.zonepay.testkit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES)
			.check(classes);
	}

	@Test
	void featuresOfAServiceHaveNoCycles() {
		slices().matching("io.zonepay.(*).(*)..").namingSlices("$1 $2").should().beFreeOfCycles().check(classes);
	}

	@Test
	void servicesUseTheServletSupportAndTheGatewayDoesNot() {
		noClasses().that().resideInAPackage("io.zonepay.gateway..").should().dependOnClassesThat().resideInAPackage("io.zonepay.service..")
			.check(classes);
	}
}
