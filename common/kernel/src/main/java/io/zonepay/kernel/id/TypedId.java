package io.zonepay.kernel.id;

/**
 * A business id with a type of its own ({@link UserId}, a payment's, an order's, ...): a positive 64-bit number that
 * travels in JSON and in paths as a string of decimal digits, because JavaScript loses precision above 2^53.
 */
public interface TypedId {

	/** The id as a number; its last two decimal digits are its owner's shard. */
	long value();
}
