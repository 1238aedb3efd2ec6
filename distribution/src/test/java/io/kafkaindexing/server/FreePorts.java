package io.kafkaindexing.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Free TCP ports on 127.0.0.1 for listeners a test configures before starting them. */
final class FreePorts {
  private FreePorts() {}

  /** {@code n} distinct free ports: all sockets stay open until every port is picked. */
  static int[] of(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    int[] ports = new int[n];
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
    return ports;
  }
}
