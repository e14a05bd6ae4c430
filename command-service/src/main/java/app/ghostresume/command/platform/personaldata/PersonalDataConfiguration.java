package app.ghostresume.command.platform.personaldata;

import app.ghostresume.personal.SeekerKeys;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    /** The key table is this service's: it makes it, and makes each seeker's key. */
    @Bean(destroyMethod = "close")
    SeekerKeys seekerKeys(KeySettings settings) {
        return SeekerKeys.connect(settings.url(), settings.username(), settings.password(), settings.poolSize(),
                settings.masterKeyset(), true);
    }

    /** Puts {@link SealingSerializer} around the event serializer Axon is configured with. */
    @Bean
    static BeanPostProcessor sealingEventSerializer(ObjectProvider<EventSealing> sealing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return name.equals("eventSerializer") && bean instanceof Serializer serializer
                        && !(bean instanceof SealingSerializer)
                        ? new SealingSerializer(serializer, sealing.getObject()) : bean;
            }
        };
    }
}
