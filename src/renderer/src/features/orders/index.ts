export { OrdersScreen } from './components/orders-screen';
export { ORDERS_QUEUE_OF_ITEM, orderHash, ordersQueueHash } from './hash-links';
