package dev.rebal.store.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real data source whose connections can be killed on a chosen statement: when armed with n, the
 * n-th {@code prepareStatement} from then on first kills its connection (closes it, or terminates
 * its server process), then goes on, so the statement meets a dead connection mid-transaction. The
 * database is real; only the fault is injected.
 */
final class FaultyDataSource {
  /** Kills a real connection: closes it, or has the server terminate its backend. */
  interface Killer {
    void kill(Connection victim) throws SQLException;
  }

  private final DataSource real;
  private final Killer killer;
  private final AtomicInteger countdown = new AtomicInteger(-1);

  FaultyDataSource(DataSource real, Killer killer) {
    this.real = real;
    this.killer = killer;
  }

  /** Kills the connection of the n-th statement prepared from now on (1 is the next one). */
  void killOnStatement(int n) {
    countdown.set(n);
  }

  /** The data source to open the store on. */
  DataSource dataSource() {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              if (method.getName().equals("getConnection")) {
                return wrap((Connection) result);
              }
              return result;
            });
  }

  private Connection wrap(Connection c) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")
                  && countdown.get() > 0
                  && countdown.decrementAndGet() == 0) {
                killer.kill(c);
              }
              return invoke(c, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
