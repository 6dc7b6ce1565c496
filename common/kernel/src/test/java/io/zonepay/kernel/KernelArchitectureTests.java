package io.zonepay.kernel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class KernelArchitectureTests {

	private final JavaClasses kernel = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zonepay.kernel");

	@Test
	void theKernelIsPlainJava() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "com.fasterxml..")
			.check(kernel);
	}

	@Test
	void kernelPackagesHaveNoCycles() {
		slices().matching("io.zonepay.kernel.(*)..").should().beFreeOfCycles().check(kernel);
	}

}
