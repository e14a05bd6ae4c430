package app.ghostresume.command.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize   the largest request body read; a larger one is refused (413) before any of it is parsed
 * @param maxImportSize the largest spreadsheet an import takes ({@code POST /api/me/imports})
 */
@ConfigurationProperties("ghost.web")
record WebSettings(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("8MB") DataSize maxImportSize) {
}
