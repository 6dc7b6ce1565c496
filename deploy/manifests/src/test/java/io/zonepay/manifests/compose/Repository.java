package io.zonepay.manifests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Files of the repository, from the module directory (deploy/manifests) that Maven runs
 * the tests in.
 */
final class Repository {

	static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

	static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");

	static final Path DOCKERFILE = ROOT.resolve("Dockerfile");

	static final Path DEFAULT_TOPOLOGY = ROOT.resolve("config-service/src/main/resources/topology/local.yml");

	static final Path COMPOSE_TOPOLOGY = ROOT.resolve("deploy/compose/topology.yml");

	static final Path PROMETHEUS = ROOT.resolve("deploy/observability/prometheus.yml");

	static final Path GRAFANA = ROOT.resolve("deploy/observability/grafana");

	private Repository() {
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file, ex);
		}
	}

	/**
	 * A YAML document as maps and lists, anchors and merge keys resolved as
	 * docker-compose resolves them.
	 */
	static Map<String, Object> yaml(Path file) {
		LoaderOptions options = new LoaderOptions();
		// The compose file declares each service once and reuses it through aliases, far
		// more than the default 50.
		options.setMaxAliasesForCollections(1_000);
		options.setAllowDuplicateKeys(false);
		return Objects.requireNonNull(new Yaml(new SafeConstructor(options)).load(read(file)),
				() -> file + " is empty");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String what) {
		if (node instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new AssertionError(what + " is not a mapping: " + node);
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object node, String what) {
		if (node instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw new AssertionError(what + " is not a list: " + node);
	}

}
