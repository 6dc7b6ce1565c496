package io.zonepay.kernel.zone;

/** What a zone does in the LDC pattern. */
public enum ZoneKind {

	/**
	 * Serves a set of shards end to end: account, order and payment services on its shard
	 * groups.
	 */
	RZONE,

	/** The single writer of global data. */
	GZONE,

	/** A city's read copy of global data, fed from the GZone through Kafka. */
	CZONE

}
