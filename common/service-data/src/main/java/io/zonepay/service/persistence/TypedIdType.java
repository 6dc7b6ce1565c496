package io.zonepay.service.persistence;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Objects;
import java.util.Properties;

import io.zonepay.kernel.id.TypedId;
import io.zonepay.service.ids.TypedIds;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.usertype.DynamicParameterizedType;
import org.hibernate.usertype.EnhancedUserType;

import org.jspecify.annotations.Nullable;

/**
 * Stores a typed id of any kind as the {@code bigint} its column always held, so typed
 * ids need no schema change: an entity marks each of its typed ids, its own id and the
 * ids it refers to alike, {@code @Type(TypedIdType.class)}, and this type learns the
 * attribute's kind from Hibernate. A Hibernate type rather than a JPA converter, because
 * Hibernate allows no converter on an {@code @Id}.
 */
public final class TypedIdType implements EnhancedUserType<TypedId>, DynamicParameterizedType {

	private Class<? extends TypedId> kind = TypedId.class;

	@Override
	public void setParameterValues(Properties parameters) {
		ParameterType attribute = (ParameterType) Objects.requireNonNull(parameters.get(PARAMETER_TYPE),
				"Hibernate names no attribute");
		if (!TypedId.class.isAssignableFrom(attribute.getReturnedClass())) {
			throw new IllegalArgumentException(attribute.getTable() + "." + String.join(",", attribute.getColumns())
					+ " is a " + attribute.getReturnedClass().getName() + ", not a typed id");
		}
		this.kind = attribute.getReturnedClass().asSubclass(TypedId.class);
	}

	@Override
	public int getSqlType() {
		return Types.BIGINT;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Class<TypedId> returnedClass() {
		return (Class<TypedId>) kind;
	}

	@Override
	public @Nullable TypedId nullSafeGet(ResultSet row, int position, WrapperOptions options) throws SQLException {
		long value = row.getLong(position);
		return row.wasNull() ? null : TypedIds.of(kind, value);
	}

	@Override
	public void nullSafeSet(PreparedStatement statement, @Nullable TypedId id, int position, WrapperOptions options)
			throws SQLException {
		if (id == null) {
			statement.setNull(position, Types.BIGINT);
		}
		else {
			statement.setLong(position, id.value());
		}
	}

	/** Typed ids are immutable records. */
	@Override
	public TypedId deepCopy(TypedId id) {
		return id;
	}

	@Override
	public boolean isMutable() {
		return false;
	}

	@Override
	public Serializable disassemble(TypedId id) {
		return id.value();
	}

	@Override
	public TypedId assemble(Serializable cached, @Nullable Object owner) {
		return TypedIds.of(kind, (Long) cached);
	}

	/** An id as a literal of SQL, which Hibernate needs of an id's type: its digits. */
	@Override
	public String toSqlLiteral(TypedId id) {
		return Long.toString(id.value());
	}

	@Override
	public String toString(TypedId id) {
		return Long.toString(id.value());
	}

	@Override
	public TypedId fromStringValue(CharSequence digits) {
		return TypedIds.of(kind, Long.parseLong(digits.toString()));
	}

}
