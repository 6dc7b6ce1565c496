package io.zonepay.order.order;

/** Where an order is in its life. */
public enum OrderStatus {

	CREATED, PAID, CANCELLED, PARTIALLY_REFUNDED, REFUNDED

}
