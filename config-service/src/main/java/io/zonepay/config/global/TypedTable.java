package io.zonepay.config.global;

/**
 * A GZone table that holds one kind of global data typed, with its invariants. The writer
 * fills it with each write; a standby fills it from the log, so that a promoted standby
 * holds what the writer held.
 */
public interface TypedTable {

	GlobalKind kind();

	/**
	 * Stores what a change the writer logged says, as the writer's own write stored it.
	 */
	void project(Entity change);

}
