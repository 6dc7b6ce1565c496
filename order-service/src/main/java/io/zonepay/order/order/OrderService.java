package io.zonepay.order.order;

import java.time.Clock;
import java.util.List;

import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.order.OrderProblem;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.MerchantDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places, finds and cancels orders; a caller only ever sees its own. */
@Service
public class OrderService {

	private final Orders orders;

	private final IdGenerator ids;

	private final GlobalData global;

	private final Clock clock;

	OrderService(Orders orders, IdGenerator ids, GlobalData global, Clock clock) {
		this.orders = orders;
		this.ids = ids;
		this.global = global;
		this.clock = clock;
	}

	/**
	 * An order at an active merchant, in the merchant's currency, within the payment
	 * limit of that currency.
	 */
	@Transactional
	public Order place(UserId buyer, MerchantId merchantId, Money amount, String description) {
		MerchantDocument merchant = global.merchant(merchantId)
			.orElseThrow(() -> new ProblemException(OrderProblem.MERCHANT_NOT_FOUND,
					"merchant " + merchantId + " does not exist"));
		if (!merchant.active()) {
			throw new ProblemException(OrderProblem.MERCHANT_INACTIVE,
					"merchant " + merchantId + " is " + merchant.status());
		}
		if (!merchant.currency().equals(amount.currency().code())) {
			throw new ProblemException(OrderProblem.CURRENCY_MISMATCH,
					"merchant " + merchantId + " is paid in " + merchant.currency());
		}
		long limit = global.switches().maxPaymentAmount(amount.currency());
		if (amount.amount() > limit) {
			throw new ProblemException(OrderProblem.AMOUNT_OUT_OF_RANGE,
					"the payment limit for " + amount.currency() + " is " + limit);
		}
		Order order = new Order(ids.next(buyer.shard(), OrderId::new), buyer, merchantId, amount, description,
				clock.instant());
		orders.insert(order);
		return order;
	}

	/**
	 * The order, if the caller may see it: its buyer, an operator, or ZonePay itself.
	 * Anyone else learns nothing. One statement, so no transaction of its own: this is
	 * what payment-service asks before every payment.
	 */
	public Order find(Caller caller, OrderId orderId) {
		return orders.findById(orderId)
			.filter(order -> caller.has(Role.SYSTEM) || caller.mayActFor(order.user()))
			.orElseThrow(() -> new ProblemException(OrderProblem.ORDER_NOT_FOUND, "order " + orderId + " not found"));
	}

	public List<Order> ofUser(UserId buyer, int limit) {
		return orders.ofUser(buyer, limit);
	}

	@Transactional
	public Order cancel(Caller caller, OrderId orderId) {
		Order order = find(caller, orderId);
		try {
			order.cancel(clock.instant());
		}
		catch (IllegalStateException ex) {
			throw new ProblemException(OrderProblem.ORDER_NOT_CANCELLABLE, ex.getMessage());
		}
		orders.update(order);
		return order;
	}

}
