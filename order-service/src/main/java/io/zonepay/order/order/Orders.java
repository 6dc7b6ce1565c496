package io.zonepay.order.order;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

/** The orders of this shard group. */
public interface Orders extends Repository<Order, Long> {

	Order save(Order order);

	Optional<Order> findById(long id);

	List<Order> findByUserIdOrderByIdDesc(long userId, Limit limit);
}
