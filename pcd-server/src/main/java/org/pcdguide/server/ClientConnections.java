package org.pcdguide.server;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;

/**
 * At most {@code max} open connections per client address: a connection over the limit is closed as
 * soon as it opens, so one client cannot hold every connection the server will serve.
 */
final class ClientConnections implements Connection.Listener {
  private final int max;
  private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
  private final Set<Connection> counted = ConcurrentHashMap.newKeySet();

  ClientConnections(int max) {
    this.max = max;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress client = client(connection);
    if (client == null) {
      return;
    }
    counted.add(connection);
    if (open.merge(client, 1, Integer::sum) > max) {
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    if (counted.remove(connection)) {
      open.computeIfPresent(client(connection), (k, n) -> n <= 1 ? null : n - 1);
    }
  }

  private static InetAddress client(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress a ? a.getAddress() : null;
  }
}
