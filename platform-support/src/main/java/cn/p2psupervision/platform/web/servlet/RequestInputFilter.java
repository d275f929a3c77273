package cn.p2psupervision.platform.web.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.p2psupervision.platform.input.InputPolicy;
import cn.p2psupervision.platform.problem.InvalidInputException;
import cn.p2psupervision.platform.problem.ProblemType;
import cn.p2psupervision.platform.problem.Problems;
import cn.p2psupervision.platform.web.PlatformWebProperties;

/**
 * The input policy at the door of every servlet service, before security and controllers: the path and the query
 * string must be valid percent-encoded UTF-8 without control characters, every query parameter within its length, and
 * a request body within {@code platform.web.max-body-size} (413 beyond; upload paths enforce their own limit).
 */
public class RequestInputFilter extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final PlatformWebProperties properties;

    public RequestInputFilter(PlatformWebProperties properties) {
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            checkPath(request.getRequestURI());
            checkQuery(request.getQueryString());
        } catch (InvalidInputException invalid) {
            ServletProblems.write(response, ServletProblems.invalid(invalid));
            return;
        }
        if (isUpload(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            ServletProblems.write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
                    "A request body may have at most " + limit / 1024 + " KiB"));
            return;
        }
        chain.doFilter(new LimitedBodyRequest(request, limit), response);
    }

    private boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return properties.uploadPaths().stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    private static void checkPath(String rawPath) {
        if (rawPath != null) {
            InputPolicy.text("path", decode("path", rawPath), 2000);
        }
    }

    private void checkQuery(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = InputPolicy.text("query parameter name", decode("query", eq < 0 ? pair : pair.substring(0, eq)),
                    100);
            String value = eq < 0 ? "" : decode(name, pair.substring(eq + 1));
            InputPolicy.text(name, value, properties.maxParameterLength());
        }
    }

    /** Strict percent-decoding as UTF-8 ('+' is a space in a query); malformed escapes or bytes are refused. */
    static String decode(String member, String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new InvalidInputException(member, "has a malformed percent-escape");
                }
                bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
                i += 2;
            } else if (c == '+' && !"path".equals(member)) {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(member, "is not percent-encoded UTF-8");
        }
    }

    /** Thrown while a body is read past the limit; the problem handler answers 413. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("body over " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** Counts the body as it is read (a chunked body has no Content-Length to check up front). */
    private static final class LimitedBodyRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBodyRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLargeException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding()));
        }
    }
}
