package org.fraudstats.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads jobs/distribution.yml: the file named by {@code fraudstats.distribution}, else distribution.yml in
 * {@code fraudstats.jobs-dir}, else jobs/distribution.yml inside the application (none is shipped: a deployment
 * says who gets mail). No file, or no list: nothing is mailed (a file named by the setting and missing is warned of
 * when it goes and when it is back, and said on /runs meanwhile). Anything else wrong is one line naming the file,
 * the entry and the problem, raised before anything is sent.
 */
@Component
class DistributionFile {

    private static final Set<String> TOP_KEYS = Set.of("from", "allowed_domains", "max_attachment_mb", "lists");
    private static final Set<String> LIST_KEYS = Set.of("products", "attach", "recipients");
    private static final Set<String> RECIPIENT_KEYS = Set.of("name", "email");
    private static final Set<String> PRODUCTS = Set.of("daily", "weekly", "monthly");
    private static final Set<String> FORMATS = Set.of("pdf", "xlsx");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"(),;:]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");
    private static final Pattern NAMED = Pattern.compile("(.*?)\\s*<([^<>]*)>");

    private final Environment environment;
    /** The file the setting names, when the last read found it missing: said on /runs, warned of when it goes. */
    private volatile String missing;

    DistributionFile(Environment environment) {
        this.environment = environment;
    }

    /** The distribution file the setting names, if the last read found none there (nothing is mailed meanwhile). */
    java.util.Optional<String> missingFile() {
        return java.util.Optional.ofNullable(missing);
    }

    Distribution read() {
        String explicit = environment.getProperty("fraudstats.distribution", "");
        String jobsDir = environment.getProperty("fraudstats.jobs-dir", "");
        // the file being read, named by a read error: "distribution.yml" alone left the operator to guess whose (review)
        String reading = "jobs/distribution.yml";
        try {
            if (!explicit.isBlank()) {
                reading = explicit;
                Path file = Path.of(explicit);
                if (!Files.isRegularFile(file)) {
                    // delivery.md: "no file: nothing is mailed and nothing fails". Refused, a share not mounted at
                    // 01:30 stopped the night and leadership had no bulletin at all (r40c); a warning when it goes
                    // (each command, and serve's first pass without it: not every 5 minutes, review r40e) and a
                    // notice on /runs while it stays away; the bulletins published meanwhile are mailed once it is
                    // back, within 7 days
                    if (!explicit.equals(missing)) {
                        // a folder is said as one: "no such file" of a folder that is there left the operator
                        // looking for a share that was mounted (r40f)
                        org.slf4j.LoggerFactory.getLogger(DistributionFile.class).warn("{}: {} (setting fraudstats.distribution): "
                                + "nothing is mailed until it is there again; bulletins published meanwhile are mailed then, "
                                + "if within 7 days", explicit, Files.isDirectory(file) ? "a folder, not a file" : "no such file");
                    }
                    missing = explicit;
                    return Distribution.none();
                }
                if (missing != null) {
                    org.slf4j.LoggerFactory.getLogger(DistributionFile.class).warn("{}: there again: mail goes on", explicit);
                    missing = null;
                }
                return parse(explicit, Files.readString(file));
            }
            if (!jobsDir.isBlank() && Files.isRegularFile(Path.of(jobsDir, "distribution.yml"))) {
                Path file = Path.of(jobsDir, "distribution.yml");
                reading = file.toString();
                return parse(reading, Files.readString(file));
            }
            ClassPathResource shipped = new ClassPathResource("jobs/distribution.yml");
            if (shipped.exists()) {
                try (InputStream in = shipped.getInputStream()) {
                    return parse("jobs/distribution.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return Distribution.none();
        } catch (IOException e) {
            throw new DistributionException(reading, null, "cannot read: " + e.getMessage());
        }
    }

    static Distribution parse(String source, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object document;
        try {
            document = new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new DistributionException(source, null, "not valid YAML: " + org.fraudstats.storage.YamlProblem.of(e));
        }
        if (document == null) {
            return Distribution.none();
        }
        Map<String, Object> top = map(source, null, document, TOP_KEYS);
        List<String> domains = strings(source, "allowed_domains", top.get("allowed_domains")).stream()
                .map(d -> d.toLowerCase(Locale.ROOT)).toList();
        Distribution.Recipient from = top.get("from") == null ? null : from(source, String.valueOf(top.get("from")));
        Object mb = top.getOrDefault("max_attachment_mb", 10);
        if (!(mb instanceof Number megabytes) || !(megabytes.doubleValue() > 0) || megabytes.doubleValue() > 1000) {
            throw new DistributionException(source, "max_attachment_mb", "'" + mb + "' is not a number of megabytes above 0 and up to 1000");
        }
        List<Distribution.MailingList> lists = new ArrayList<>();
        if (top.get("lists") != null) {
            if (from == null) {
                throw new DistributionException(source, "from", "missing: the sender's address (\"Name <address>\")");
            }
            if (domains.isEmpty()) {
                throw new DistributionException(source, "allowed_domains", "missing: the domains recipients may be in");
            }
            map(source, "lists", top.get("lists"), null).forEach((name, value) -> lists.add(list(source, "lists." + name, name, value, domains)));
        }
        return new Distribution(source, from, domains, (long) (megabytes.doubleValue() * 1024 * 1024), List.copyOf(lists));
    }

    private static Distribution.MailingList list(String source, String entry, String name, Object value, List<String> domains) {
        Map<String, Object> list = map(source, entry, value, LIST_KEYS);
        List<String> products = strings(source, entry + ".products", list.get("products"));
        for (String product : products) {
            if (!PRODUCTS.contains(product)) {
                throw new DistributionException(source, entry + ".products", "unknown product '" + product + "' (known: daily, monthly, weekly)");
            }
        }
        List<String> attach = strings(source, entry + ".attach", list.get("attach"));
        for (String format : attach) {
            if (!FORMATS.contains(format)) {
                throw new DistributionException(source, entry + ".attach", "unknown format '" + format + "' (known: pdf, xlsx)");
            }
        }
        if (!(list.get("recipients") instanceof List<?> items)) {
            throw new DistributionException(source, entry + ".recipients", "expected a list of {name: ..., email: ...}");
        }
        List<Distribution.Recipient> recipients = new ArrayList<>();
        Set<String> listed = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String at = entry + ".recipients[" + (i + 1) + "]";
            Map<String, Object> r = map(source, at, items.get(i), RECIPIENT_KEYS);
            if (r.get("email") == null) {
                // said as missing: "'null' is not an e-mail address" left the operator looking for a null (r38a)
                throw new DistributionException(source, at + ".email", "missing (each recipient is {name: ..., email: ...})");
            }
            // a line break in a name is no header injection (the name is encoded) but a To: some mail readers refuse (r38a)
            // checked once stripped: a trailing tab pasted from a spreadsheet, or the newline of a YAML block, was always
            // taken (review r38g)
            if (r.get("name") != null && String.valueOf(r.get("name")).strip().chars()
                    .anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                throw new DistributionException(source, at + ".name", "holds a control character (a line break or a tab)");
            }
            // what the recipient's mail reader shows in To: the name as written (r39d): a direction override turned it
            // round, and a run of digits put an account number into a mail, which delivery.md allows in none
            if (r.get("name") != null) {
                String named = String.valueOf(r.get("name")).strip();
                if (named.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
                    throw new DistributionException(source, at + ".name", "holds an invisible or direction-changing character (U+"
                            + String.format("%04X", named.chars().filter(c -> Character.getType(c) == Character.FORMAT).findFirst().getAsInt()) + ")");
                }
                if (!org.fraudstats.storage.DigitRuns.mask(named).equals(named)) {
                    throw new DistributionException(source, at + ".name", "holds 12 or more digits in a row, which read as an account "
                            + "number: no account number goes into a mail (delivery.md)");
                }
            }
            String email = String.valueOf(r.get("email")).strip();
            Matcher address = ADDRESS.matcher(email);
            if (!address.matches()) {
                throw new DistributionException(source, at, "'" + r.get("email") + "' is not an e-mail address");
            }
            if (!domains.contains(address.group(1).toLowerCase(Locale.ROOT))) {
                throw new DistributionException(source, at, email + " is outside allowed_domains (" + String.join(", ", domains) + ")");
            }
            // one mailbox once per list, however its address is written: ZhangSan@Example.GOV.CN beside
            // zhangsan@example.gov.cn was two deliveries, two mails with one Message-ID in one mailbox (tester)
            if (listed.add(email.toLowerCase(Locale.ROOT))) {
                recipients.add(new Distribution.Recipient(r.get("name") == null ? "" : String.valueOf(r.get("name")).strip(), email));
            }
        }
        return new Distribution.MailingList(name, products, attach, List.copyOf(recipients));
    }

    private static Distribution.Recipient from(String source, String text) {
        Matcher named = NAMED.matcher(text.strip());
        String name = named.matches() ? named.group(1).replace("\"", "").strip() : "";
        String email = named.matches() ? named.group(2).strip() : text.strip();
        if (!ADDRESS.matcher(email).matches()) {
            throw new DistributionException(source, "from", "'" + text + "' is not an address (\"Name <address>\")");
        }
        return new Distribution.Recipient(name, email);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String source, String entry, Object value, Set<String> keys) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new DistributionException(source, entry, "expected keys and values");
        }
        for (Object key : map.keySet()) {
            if (keys != null && !keys.contains(String.valueOf(key))) {
                throw new DistributionException(source, entry == null ? String.valueOf(key) : entry + "." + key,
                        "unknown key (known: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
            }
        }
        java.util.LinkedHashMap<String, Object> copy = new java.util.LinkedHashMap<>();
        ((Map<Object, Object>) map).forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private static List<String> strings(String source, String entry, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items) || items.stream().anyMatch(i -> !(i instanceof String))) {
            throw new DistributionException(source, entry, "expected a list of words ([a, b])");
        }
        return items.stream().map(String.class::cast).toList();
    }
}
