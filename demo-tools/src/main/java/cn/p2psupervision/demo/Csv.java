package cn.p2psupervision.demo;

import java.io.IOException;
import java.io.Writer;

/** RFC 4180 rows: a field is quoted when it holds a comma, quote or line break. Null is an empty field. */
final class Csv {

    private Csv() {
    }

    static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields[i]));
        }
        out.write('\n');
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
