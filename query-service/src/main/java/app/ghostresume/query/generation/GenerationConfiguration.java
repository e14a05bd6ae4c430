package app.ghostresume.query.generation;

import com.zaxxer.hikari.HikariConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The service's one {@link javax.sql.DataSource}, routed by generation ({@link ReadModelDataSource}), its pools
 * configured by {@code spring.datasource.*} as Spring Boot's own would be.
 */
@Configuration(proxyBeanMethods = false)
class GenerationConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariConfig readModelPools(DataSourceProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.determineUrl());
        config.setUsername(properties.determineUsername());
        config.setPassword(properties.determinePassword());
        return config;
    }

    @Bean(destroyMethod = "close")
    @Primary
    ReadModelDataSource dataSource(HikariConfig readModelPools, MeterRegistry meters) {
        return new ReadModelDataSource(readModelPools, meters);
    }
}
