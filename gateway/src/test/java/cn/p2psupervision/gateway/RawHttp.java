package cn.p2psupervision.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sends a request byte for byte over a plain socket and reads the response: the only way to send what a well-behaved
 * client refuses to (an over-long request line, {@code %00}, an unencoded {@code [}).
 *
 * <p>A server that refuses over-long headers answers and closes before it has read them all, so the rest of the
 * request may be reset; the writing happens on its own thread and the response read so far is kept.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** {@code GET target} with {@code Host} and {@code Connection: close}, plus the given header lines. */
    static Response get(int port, String target, String... headerLines) {
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return send(port, request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static Response send(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            Thread writer = new Thread(() -> write(socket, request), "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the response from a socket the caller wrote the request to itself. */
    static Response read(Socket socket) {
        try {
            return Response.parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Socket socket, byte[] request) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
        } catch (IOException refusedMidway) {
            // the server answered and closed before reading everything: the response tells what happened
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    /** A response as read from the wire: status, header lines in order, body as UTF-8. */
    record Response(int status, List<String[]> headers, String body) {

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("No complete response head in: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
            return new Response(status, headers, text.substring(end + 4));
        }

        /** Every value of a header, matched case-insensitively. */
        List<String> values(String name) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return headers.stream().filter(h -> h[0].toLowerCase(Locale.ROOT).equals(wanted)).map(h -> h[1]).toList();
        }

        String contentType() {
            List<String> values = values("Content-Type");
            return values.isEmpty() ? "" : values.get(0);
        }
    }
}
