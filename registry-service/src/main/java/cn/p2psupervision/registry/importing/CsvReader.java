package cn.p2psupervision.registry.importing;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader: quoted fields with doubled quotes, separators and line breaks inside quotes, CRLF or
 * LF, and a UTF-8 byte-order mark at the start. Holds one record in memory at a time.
 */
final class CsvReader implements AutoCloseable {

    /** The longest field accepted: longer means a broken file (typically an unterminated quote), not a value. */
    static final int MAX_FIELD = 100_000;

    private final Reader in;
    private int pushedBack = -2;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or {@code null} at the end. Blank lines are skipped. */
    List<String> next() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        while (true) {
            int c = read();
            if (c == -1) {
                if (!any && field.length() == 0 && fields.isEmpty()) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    int following = read();
                    if (following == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(following);
                    }
                } else {
                    field.append((char) c);
                    if (field.length() > MAX_FIELD) {
                        throw new FieldTooLongException();
                    }
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r') {
                    int following = read();
                    if (following != '\n') {
                        unread(following);
                    }
                }
                if (fields.isEmpty() && field.length() == 0) {
                    any = false;
                    continue;
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            if (field.length() > MAX_FIELD) {
                throw new FieldTooLongException();
            }
        }
    }

    /** A field longer than {@link #MAX_FIELD} characters. */
    static final class FieldTooLongException extends IOException {
        FieldTooLongException() {
            super("field over " + MAX_FIELD + " characters");
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
