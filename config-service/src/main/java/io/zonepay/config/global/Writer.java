package io.zonepay.config.global;

import java.time.Duration;
import java.util.Map;

import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Whether this GZone may write global data. One GZone writes (ACTIVE); a standby in
 * another city follows its log and is promoted when it is gone; a GZone that learns of a
 * newer term than its own is FENCED for good: its writes are refused, its reads too (its
 * data may hold writes nobody else saw), and it never publishes again.
 *
 * <p>
 * A write someone waits on is acknowledged only once it is on the change log
 * ({@link #awaitPublished}): the log, where a newer term fences an older one at the
 * broker, is where a write becomes true. So a write a fenced GZone took is never
 * acknowledged, and a write that was acknowledged is on the log every copy (and the
 * standby) reads.
 */
public final class Writer {

	public static final ProblemCode NOT_THE_WRITER = ProblemCode.of("NOT_THE_WRITER", 503,
			"This GZone is a standby; the writer is elsewhere");

	public static final ProblemCode GZONE_FENCED = ProblemCode.of("GZONE_FENCED", 503,
			"This GZone was replaced by a newer writer and may not write");

	public static final ProblemCode WRITE_NOT_ON_LOG = ProblemCode.of("WRITE_NOT_ON_LOG", 503,
			"The write committed at the GZone but is not on the change log yet");

	private static final Logger log = LoggerFactory.getLogger(Writer.class);

	private volatile Role role;

	private volatile long term;

	private volatile String why = "";

	private long published = -1;

	public Writer(Role role) {
		this.role = role;
	}

	public Role role() {
		return role;
	}

	public boolean active() {
		return role == Role.ACTIVE;
	}

	/**
	 * The term this GZone writes under, once known (0 before the relay first looked at
	 * the log).
	 */
	public long term() {
		return term;
	}

	public String why() {
		return why;
	}

	/**
	 * The problem this GZone answers to anything but its own status while it is not the
	 * writer; none while it is.
	 */
	public @Nullable ProblemException refusal() {
		return switch (role) {
			case ACTIVE -> null;
			case STANDBY -> new ProblemException(NOT_THE_WRITER,
					"this GZone is a standby that follows the writer's log; ask the writer");
			case FENCED -> new ProblemException(GZONE_FENCED, why);
		};
	}

	/**
	 * Refuses a write, or a read of this GZone's data, unless this GZone is the writer.
	 */
	public void requireActive() {
		ProblemException refused = refusal();
		if (refused != null) {
			throw refused;
		}
	}

	/** Refuses anything a fenced GZone may no longer do, such as being promoted. */
	public void requireNotFenced() {
		if (role == Role.FENCED) {
			throw new ProblemException(GZONE_FENCED, why);
		}
	}

	/** The relay looked at the log and writes under this term. */
	public void writingUnder(long current) {
		term = current;
	}

	/** A standby becomes the writer under a new term. */
	public synchronized void promoted(long newTerm) {
		term = newTerm;
		why = "";
		role = Role.ACTIVE;
		log.info("This GZone is the writer now, under term {}", newTerm);
	}

	/** A newer term is on the log: this GZone never writes again. */
	public synchronized void fence(long newerTerm) {
		if (role == Role.FENCED) {
			return;
		}
		why = "the change log carries term " + newerTerm + ", newer than this GZone's " + term
				+ ": another GZone was promoted. This one stays fenced and its data is void:"
				+ " it rejoins only as a standby on an empty database (profile standby)";
		role = Role.FENCED;
		log.error("Fenced: {}", why);
		notifyAll();
	}

	/** The relay has every change up to {@code version} on the log. */
	public synchronized void published(long version) {
		if (version > published) {
			published = version;
			notifyAll();
		}
	}

	/**
	 * Waits until {@code version} is on the log; refuses if this GZone is fenced
	 * meanwhile or the log does not take it within {@code timeout} (the write stays
	 * committed here and is published once the log takes it, unless a newer writer
	 * replaces this one first).
	 */
	public synchronized void awaitPublished(long version, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (published < version) {
				if (role == Role.FENCED) {
					throw new ProblemException(GZONE_FENCED, "version " + version + " was not taken: " + why);
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new ProblemException(WRITE_NOT_ON_LOG,
							"version " + version + " committed here but is not on the change log after " + timeout
									+ "; it is published when Kafka takes it. Read it back before writing it again",
							Map.of("version", version));
				}
				wait(Math.max(1, left / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(WRITE_NOT_ON_LOG,
					"interrupted while waiting for version " + version + " to reach the change log");
		}
	}

	/** The three roles. */
	public enum Role {

		ACTIVE, STANDBY, FENCED

	}

}
