package cn.p2psupervision.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The number of pages of a PDF, without a PDF library (the demo tools have none): the page objects
 * ({@code /Type /Page}, not {@code /Pages}) in the file as written and in its Flate-compressed streams, where a writer
 * that compresses its objects (PDFBox 3 by default) keeps them in object streams. Good enough for the benchmark's
 * report, not a PDF parser: a file it cannot read answers 0.
 */
final class PdfPages {

    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");
    private static final Pattern STREAM = Pattern.compile("stream\\r?\\n");
    private static final byte[] END = "endstream".getBytes(StandardCharsets.ISO_8859_1);
    /** A stream inflated beyond this is not an object stream: left alone. */
    private static final int MAX_INFLATED = 16 << 20;

    private PdfPages() {
    }

    static int count(byte[] pdf) {
        if (pdf == null || pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return 0;
        }
        String raw = new String(pdf, StandardCharsets.ISO_8859_1); // one char per byte: offsets stay byte offsets
        int pages = count(raw);
        Matcher stream = STREAM.matcher(raw);
        int from = 0;
        while (stream.find(from)) {
            int start = stream.end();
            int end = indexOf(pdf, END, start);
            if (end < 0) {
                break;
            }
            String inflated = inflate(pdf, start, end - start);
            if (inflated != null) {
                pages += count(inflated);
            }
            from = end + END.length;
        }
        return pages;
    }

    private static int count(String text) {
        Matcher page = PAGE.matcher(text);
        int n = 0;
        while (page.find()) {
            n++;
        }
        return n;
    }

    /** The stream's bytes inflated (zlib), or null when they are not Flate data. */
    private static String inflate(byte[] data, int offset, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    return null;
                }
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
