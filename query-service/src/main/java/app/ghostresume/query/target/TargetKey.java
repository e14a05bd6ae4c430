package app.ghostresume.query.target;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import app.ghostresume.events.PersonalFields;

/**
 * The key under which seekers' spellings of one target meet: "The New Yorker Magazine", "new yorker" and
 * "New Yorker, The" differ, {@code new-yorker} does not. Lower case (root locale), Unicode NFKD with the accents
 * dropped, {@code &} read as "and", apostrophes dropped ("McDonald's" is "mcdonalds"), any other character that is
 * not a letter or digit a space; then a leading "the" and, repeatedly, a trailing legal-form or publication suffix
 * ({@link #SUFFIXES}) are dropped, but never the last word left; the words are joined with {@code -}. A target
 * with no letters or digits has no key, nor one erased with its seeker's key. Applying it to a key gives the key back.
 */
public final class TargetKey {

    /** Trailing words that name a company's legal form or a publication's kind rather than the target itself. */
    public static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "ltd", "limited", "llc", "llp", "plc",
            "gmbh", "ag", "co", "corp", "corporation", "company", "magazine", "mag");

    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u02bc`]");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TargetKey() {
    }

    public static Optional<String> of(String target) {
        if (target == null || target.equals(PersonalFields.ERASED)) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(target.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        text = ACCENTS.matcher(text).replaceAll("");
        text = text.replace("&", " and ");
        text = APOSTROPHES.matcher(text).replaceAll("");
        text = NOT_A_WORD.matcher(text).replaceAll(" ").trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<String> words = new ArrayList<>(Arrays.asList(text.split(" ")));
        while (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return Optional.of(String.join("-", words));
    }

    /** The key for display: its words separated by spaces, never anyone's own spelling. */
    public static String name(String key) {
        return key.replace('-', ' ');
    }
}
