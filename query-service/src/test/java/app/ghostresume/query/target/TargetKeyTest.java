package app.ghostresume.query.target;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The New Yorker Magazine | new-yorker",
            "new yorker | new-yorker",
            "  THE   new-yorker mag. | new-yorker",
            "Acme, Inc. | acme",
            "ACME Co., Ltd. | acme",
            "Acme Corporation | acme",
            "Procter & Gamble Co. | procter-and-gamble",
            "Procter and Gamble | procter-and-gamble",
            "Café Société GmbH | cafe-societe",
            "McDonald’s | mcdonalds",
            "University of Southern California | university-of-southern-california",
            "The Wall Street Journal | wall-street-journal",
            "ＡＣＭＥ | acme",
            "The Company | company",
            "The | the",
            "the the band | band",
            "Google LLC | google",
            "Hooli PLC | hooli",
            "Zürich Re AG | zurich-re",
            "Studio 54 | studio-54"
    })
    void normalisesSpellingsOfOneTargetToOneKey(String target, String key) {
        assertThat(TargetKey.of(target)).contains(key);
        assertThat(TargetKey.of(key)).as("a key normalises to itself").contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "!!!", "&-&" })
    void aTargetWithoutLettersOrDigitsHasNoKey(String target) {
        assertThat(TargetKey.of(target.replace("&-&", "--"))).isEmpty();
    }

    @Test
    void nothingHasNoKeyAndAKeyIsNamedByItsWords() {
        assertThat(TargetKey.of(null)).isEmpty();
        assertThat(TargetKey.of("&")).contains("and");
        assertThat(TargetKey.name("new-yorker")).isEqualTo("new yorker");
    }
}
