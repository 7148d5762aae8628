package org.carbonalliance.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/** Finds out before the framework starts whether the HTTP port can be had, so a taken port is one clear line. */
final class PortCheck {

    private PortCheck() {
    }

    /** @return why the server cannot listen on {@code host:port}, or empty when it can */
    static Optional<String> problem(String host, int port) {
        if (port == 0) {
            return Optional.empty();
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host == null || host.isBlank() ? "0.0.0.0" : host, port));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("HTTP port " + port + " on " + (host == null ? "0.0.0.0" : host) + " is not available ("
                    + e.getMessage() + "); stop the program using it or set ALLIANCE_HTTP_PORT to another port.");
        }
    }
}
