package app.ghostresume.query.report;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * The formats a report comes in, chosen by the {@code Accept} header (JSON when it names none in particular) or,
 * for links and image tags, which cannot set one, by {@code ?format=}.
 */
enum ReportFormat {
    // in the order a wildcard picks them: */* is JSON, text/* HTML
    JSON(MediaType.APPLICATION_JSON),
    HTML(new MediaType("text", "html", StandardCharsets.UTF_8)),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8)),
    PNG(MediaType.IMAGE_PNG);

    private final MediaType mediaType;

    ReportFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format asked for among those offered ({@code formats}, in the order a wildcard picks them):
     * {@code format} if given, else the most wanted of the {@code Accept} header's offered ones (by quality, then by
     * how specific).
     *
     * @throws HttpMediaTypeNotAcceptableException when nothing asked for is offered
     */
    static ReportFormat negotiate(String format, String accept, List<ReportFormat> formats)
            throws HttpMediaTypeNotAcceptableException {
        List<MediaType> offered = formats.stream().map(ReportFormat::mediaType).toList();
        if (format != null) {
            return formats.stream().filter(value -> value.name().equals(format.toUpperCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new HttpMediaTypeNotAcceptableException(offered));
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        }
        catch (InvalidMediaTypeException ex) {
            throw new HttpMediaTypeNotAcceptableException(offered);
        }
        List<MediaType> byPreference = wanted.stream()
                .filter(one -> one.getQualityValue() > 0)
                .sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()
                        .thenComparingInt(ReportFormat::wildness))
                .toList();
        for (MediaType one : byPreference) {
            for (ReportFormat value : formats) {
                if (one.includes(value.mediaType)) {
                    return value;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(offered);
    }

    /** A specific type before {@code text/*}, and that before {@code *}{@code /*}. */
    private static int wildness(MediaType type) {
        return type.isWildcardType() ? 2 : type.isWildcardSubtype() ? 1 : 0;
    }
}
