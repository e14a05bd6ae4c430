package app.ghostresume.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Where the system's services export their spans during the system tests: an OTLP/HTTP endpoint
 * ({@code /v1/traces}) that keeps each export request as it came. The requests are protobuf
 * ({@code ExportTraceServiceRequest}), one per service and batch, each naming its service in its resource; a trace
 * id is in them as its 16 raw bytes and a span's name as its UTF-8 text, which is all the tests look for.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    private TraceCollector(HttpServer server) {
        this.server = server;
    }

    static TraceCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TraceCollector collector = new TraceCollector(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    collector.exports.add(body.readAllBytes());
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return collector;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    /** Whether {@code service} exported a span of the trace whose name is {@code spanName}. */
    boolean exported(String service, String traceId, String spanName) {
        byte[] id = HexFormat.of().parseHex(traceId);
        byte[] serviceName = service.getBytes(StandardCharsets.UTF_8);
        byte[] name = spanName.getBytes(StandardCharsets.UTF_8);
        return exports.stream().anyMatch(export -> contains(export, serviceName) && contains(export, id)
                && contains(export, name));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
