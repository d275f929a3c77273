package cn.p2psupervision.platform.testapp;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

/** An HTTP/1.1 response read off a socket (status, headers, de-chunked body), as an {@link HttpResponse}. */
record RawResponse(int statusCode, HttpHeaders headers, String body) implements HttpResponse<String> {

    static RawResponse parse(byte[] bytes) {
        int split = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(bytes, 0, split < 0 ? bytes.length : split, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(bytes, split + 4, bytes.length);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        HttpHeaders httpHeaders = HttpHeaders.of(headers, (a, b) -> true);
        if (httpHeaders.firstValue("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
            body = dechunk(body);
        }
        return new RawResponse(status, httpHeaders, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, crlf, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public HttpRequest request() {
        return null;
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return null;
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
