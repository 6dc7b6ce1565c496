package io.zonepay.order.order;

import java.util.List;
import java.util.Optional;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The orders of this shard group. */
public interface Orders extends Repository<Order, OrderId> {

	Order save(Order order);

	Optional<Order> findById(OrderId id);

	List<Order> findByUserIdOrderByIdDesc(UserId userId, Limit limit);

}
