package io.zonepay.kernel.id;

/**
 * A business id of one kind, such as a payment's or an order's: a record of one positive
 * 64-bit {@code value}, built through a constructor that takes it. Web binding, JSON and
 * persistence handle every kind alike through this type, and every kind travels as a
 * string of decimal digits (its {@code toString}), because JavaScript loses precision
 * above 2^53.
 */
public interface TypedId {

	long value();

	/**
	 * The value of a new id, refused when it is not positive.
	 * @param kind what the id names, for the message: {@code "payment"}
	 */
	static void requirePositive(long value, String kind) {
		if (value <= 0) {
			throw new IllegalArgumentException(kind + " ids are positive, not " + value);
		}
	}

}
