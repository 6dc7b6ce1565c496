package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.zonepay.kernel.zone.Topology;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads a topology file the way config-service does: the {@code zonepay.topology} tree of
 * a YAML file.
 */
public final class TopologyFile {

	private TopologyFile() {
	}

	public static Topology read(Path file) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file.toString(),
					new FileSystemResource(file));
			return new Binder(ConfigurationPropertySources.from(sources)).bind("zonepay.topology", Topology.class)
				.orElseThrow(() -> new IllegalArgumentException(file + " has no zonepay.topology"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read topology " + file, ex);
		}
	}

}
