package io.zonepay.service.ids;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

import io.zonepay.kernel.id.TypedId;

/**
 * Builds typed ids of a kind known only at run time, as web binding, JSON and persistence
 * meet them, through the constructor from {@code long} that every kind has. A service's
 * own kinds may be package-private records, hence the accessible constructor.
 */
public final class TypedIds {

	private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {

		@Override
		protected Constructor<?> computeValue(Class<?> kind) {
			try {
				Constructor<?> constructor = kind.getDeclaredConstructor(long.class);
				constructor.setAccessible(true);
				return constructor;
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(kind.getName() + " is a typed id without a constructor from long", ex);
			}
		}
	};

	private TypedIds() {
	}

	/**
	 * @throws IllegalArgumentException when the kind refuses the value
	 */
	public static <T extends TypedId> T of(Class<T> kind, long value) {
		try {
			return kind.cast(CONSTRUCTORS.get(kind).newInstance(value));
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException refused) {
				throw refused;
			}
			throw new IllegalStateException("cannot build a " + kind.getName() + " of " + value, ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build a " + kind.getName() + " of " + value, ex);
		}
	}

	/**
	 * What a kind of id names, for messages: {@code "payment"} for {@code PaymentId},
	 * {@code "ledger entry"} for {@code LedgerEntryId}.
	 */
	public static String name(Class<? extends TypedId> kind) {
		return kind.getSimpleName()
			.replaceFirst("Id$", "")
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.toLowerCase(Locale.ROOT);
	}

}
