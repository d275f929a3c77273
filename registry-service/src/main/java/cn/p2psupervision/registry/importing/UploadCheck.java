package cn.p2psupervision.registry.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import cn.p2psupervision.platform.input.JsonInputProblems;
import cn.p2psupervision.platform.problem.InvalidInputException;

/**
 * REG-05: an upload is read through once before any row is applied, so that a file that cannot be read is refused
 * whole (400) instead of applying the rows before its first bad byte: it must be UTF-8 throughout, and a JSON upload
 * must be well-formed JSON, one array (or a sequence) of values. Rows of the wrong shape are not the file's fault: they
 * become REJECTED rows of the report.
 */
final class UploadCheck {

    private UploadCheck() {
    }

    /** Refuses a file that is not UTF-8 text, naming the byte offset of the first bad byte. */
    static void utf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    throw new InvalidInputException("file", "is not UTF-8 text: the byte at offset "
                            + (offset + bytes.position()) + " is not valid UTF-8; save the file as UTF-8 and send it again");
                }
                offset += bytes.position() - start;
                bytes.compact();
                chars.clear();
            }
            if (decoder.flush(chars).isError()) {
                throw new InvalidInputException("file", "is not UTF-8 text: it ends inside a character");
            }
        }
    }

    /**
     * Refuses a CSV upload whose header is not the documented one, or that cannot be read to its end: a field over
     * {@value CsvReader#MAX_FIELD} characters (an unterminated quote swallows the rest of the file).
     */
    static void csv(Path file, List<String> knownColumns) throws IOException {
        long record = 0;
        try (CsvReader csv = new CsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            List<String> header = csv.next();
            if (header == null) {
                throw new InvalidInputException("file", "is empty: the CSV file needs a header line");
            }
            CsvColumns.checkHeader(header.stream().map(String::trim).toList(), knownColumns);
            while (csv.next() != null) {
                record++;
            }
        } catch (CsvReader.FieldTooLongException e) {
            throw new InvalidInputException("file", "has a field over " + CsvReader.MAX_FIELD + " characters in data row "
                    + (record + 1) + " (an unterminated quote?)");
        }
    }

    /** Refuses a JSON upload that is not well-formed, naming where it breaks; every value is read, none skipped. */
    static void json(Path file, JsonMapper json) throws IOException {
        try (JsonParser parser = json.createParser(file.toFile())) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new InvalidInputException("file", "is empty: send a JSON array of rows");
            }
            for (; token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME) {
                    parser.getString(); // decodes the text, so that its length limit is checked here
                } else if (token.isNumeric()) {
                    parser.getNumberValueDeferred();
                }
            }
        } catch (JacksonException e) {
            InvalidInputException invalid = JsonInputProblems.of(e);
            throw new InvalidInputException("file", invalid.problem());
        }
    }
}
