package org.pcdguide.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;

/**
 * At most {@code max} open connections per client address: a connection over the limit is closed as
 * soon as it opens, so one client cannot hold every connection the server will serve.
 */
final class ClientConnections implements Connection.Listener {
  private final int max;
  private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

  /**
   * Each counted connection's client, taken when it opened: once a connection is closed its channel
   * no longer knows its remote address, and a count released by asking it then would never go down
   * (a client was locked out for good after its first {@code max} connections).
   */
  private final ConcurrentHashMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

  ClientConnections(int max) {
    this.max = max;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress client = client(connection);
    if (client == null) {
      return;
    }
    counted.put(connection, client);
    if (open.merge(client, 1, Integer::sum) > max) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress client = counted.remove(connection);
    if (client != null) {
      open.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static InetAddress client(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress a ? a.getAddress() : null;
  }
}
