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

	/**
	 * Writes a topology in the form {@link #read} reads: what {@code zone add} leaves in
	 * the run directory for every later command.
	 */
	public static void write(Topology topology, Path file) {
		StringBuilder yaml = new StringBuilder("# Written by ./zonepay zone add: the topology as it is now.\n"
				+ "zonepay:\n  topology:\n    cities:\n");
		for (Topology.City city : topology.cities()) {
			yaml.append("      - id: ").append(city.id()).append('\n');
			if (city.gateway() != null) {
				yaml.append("        gateway: ").append(city.gateway()).append('\n');
			}
		}
		yaml.append("    zones:\n");
		for (Topology.ZoneSpec zone : topology.zones()) {
			yaml.append("      - id: ")
				.append(zone.id())
				.append("\n        kind: ")
				.append(zone.kind())
				.append("\n        city: ")
				.append(zone.city())
				.append('\n');
			if (zone.shards() != null) {
				yaml.append("        shards: ").append(ranges(zone.shards())).append('\n');
			}
			if (zone.shardGroup() != null) {
				yaml.append("        shard-group: ").append(zone.shardGroup()).append('\n');
			}
			if (zone.standby() != null) {
				yaml.append("        standby: ").append(zone.standby()).append('\n');
			}
			if (!zone.endpoints().isEmpty()) {
				yaml.append("        endpoints:\n");
				new java.util.TreeMap<>(zone.endpoints()).forEach((service,
						uri) -> yaml.append("          ").append(service).append(": ").append(uri).append('\n'));
			}
		}
		try {
			java.nio.file.Files.writeString(file, yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write topology " + file, ex);
		}
	}

	/** A set of shards as a topology file writes it: {@code 0-12,25-49}. */
	static String ranges(io.zonepay.kernel.zone.ShardSet shards) {
		List<String> ranges = new java.util.ArrayList<>();
		int[] values = shards.shards().stream().mapToInt(io.zonepay.kernel.zone.Shard::value).sorted().toArray();
		for (int i = 0; i < values.length; i++) {
			int from = values[i];
			while (i + 1 < values.length && values[i + 1] == values[i] + 1) {
				i++;
			}
			ranges.add(from == values[i] ? Integer.toString(from) : from + "-" + values[i]);
		}
		return String.join(",", ranges);
	}

}
