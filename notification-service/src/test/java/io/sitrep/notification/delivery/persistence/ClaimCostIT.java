package io.sitrep.notification.delivery.persistence;

import io.sitrep.notification.IntegrationTest;
import io.sitrep.notification.delivery.Delivery;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one claim reads (issue 17: "a claim's cost does not grow with the number of hosts or the queue's length"), for
 * 10, 50 and 200 receiver hosts with a short and a long queue each. The claim is the adapter's own code, run as the
 * dispatcher runs it, by an instance of the adapter whose {@link JdbcTemplate} keeps what PostgreSQL sends back on
 * a statement: {@code auto_explain} sends the plan it executed, with the buffers it touched, as a notice. As in
 * {@code ClaimIT}, each case runs in a transaction that is rolled back, at an instant a year ahead, with every other
 * waiting delivery set aside meanwhile.
 *
 * <p>The queues are filled with one SQL statement, not through {@code Deliveries.insertAll}: the largest is 200,000
 * deliveries, which one {@code INSERT … SELECT} generates on the server in a few seconds (six, with the vacuum and
 * the analysis around it), where the intake's batch insert would send every row from the test.
 */
class ClaimCostIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(ClaimCostIT.class);
    private static final Instant LATER = Instant.now().plus(Duration.ofDays(365)).truncatedTo(ChronoUnit.SECONDS);
    /** The dispatcher's defaults: {@code batch-size} and {@code endpoint-concurrency}. */
    private static final int LIMIT = 50;
    private static final int SLOTS = 4;
    private static final int SHORT = 10;
    private static final int LONG = 1_000;
    /** About the size of an incident update's webhook body. */
    private static final byte[] PAYLOAD = "{\"type\":\"incident.updated\",\"data\":{}}".repeat(12).getBytes();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DataSource dataSource;

    @Test
    void aClaimReadsAboutAsMuchWhateverTheHostsAndTheQueuesLengthWithStatisticsFromBeforeTheQueueFilled() {
        // Issue 17: a claim read about 2,800 buffers a call, five times more per delivery with 200 hosts than with 10.
        Map<Shape, Cost> costs = costs(Planning.STATISTICS_BEFORE_THE_QUEUE_FILLED);

        assertFlat(costs);
    }

    @Test
    void aClaimReadsAboutAsMuchWhateverTheHostsAndTheQueuesLengthWithStatisticsOfTheFullQueue() {
        Map<Shape, Cost> costs = costs(Planning.STATISTICS_OF_THE_FULL_QUEUE);

        assertFlat(costs);
    }

    @Test
    void aClaimReadsAboutAsMuchWhateverTheHostsAndTheQueuesLengthUnderAGenericPlan() {
        // A prepared statement is planned for no parameter values in particular once it has run a few times.
        Map<Shape, Cost> costs = costs(Planning.GENERIC_PLAN);

        assertFlat(costs);
    }

    /**
     * No sequential scan of the deliveries, whatever the statistics say (the planner once chose one for the rows to lease
     * in a table of 1,667 pages, in a database that other tests had filled first); no more for a long
     * queue than for a short one but what a deeper index costs; no more for 200 hosts than for 50, the most endpoints a
     * claim of 50 reaches; and overall within twice the cheapest case and about 20 buffers for each endpoint reached
     * (a probe to find it in the walk, one for whether it has something due, one for its oldest).
     */
    private static void assertFlat(Map<Shape, Cost> costs) {
        long least = costs.values().stream().mapToLong(Cost::buffers).min().orElseThrow();
        costs.forEach((shape, cost) -> {
            assertThat(cost.sequentialScans())
                    .as("sequential scans of deliveries in the plan, %s, the table %d pages:%s", shape, cost.tablePages(), cost.plan())
                    .isEmpty();
            assertThat(cost.sequentialScansCounted())
                    .as("sequential scans of deliveries counted, %s, the table %d pages", shape, cost.tablePages()).isZero();
            assertThat(cost.buffers()).as("buffers of a claim, %s:%s", shape, cost.plan()).isLessThanOrEqualTo(2 * least + 20L * LIMIT);
            if (shape.depth() == LONG) {
                long shortQueue = costs.get(new Shape(shape.hosts(), SHORT, shape.claim())).buffers();
                assertThat(cost.buffers()).as("buffers of a claim, %s, against %d with a short queue:%s", shape, shortQueue, cost.plan())
                        .isLessThanOrEqualTo(shortQueue * 3 / 2 + 100);
            }
            if (shape.hosts() == 200) {
                long atTheLimit = costs.get(new Shape(LIMIT, shape.depth(), shape.claim())).buffers();
                assertThat(cost.buffers()).as("buffers of a claim, %s, against %d with %d hosts:%s", shape, atTheLimit, LIMIT, cost.plan())
                        .isLessThanOrEqualTo(atTheLimit * 3 / 2 + 100);
            }
        });
    }

    private Map<Shape, Cost> costs(Planning planning) {
        UUID subscription = UUID.fromString(subscribeWebhook(aReceiver().url(), freshComponent("cost")).get("id").asString());
        Map<Shape, Cost> costs = new LinkedHashMap<>();
        for (int hosts : new int[] {10, LIMIT, 200}) {
            for (int depth : new int[] {SHORT, LONG}) {
                List<Cost> claims = claimCosts(subscription, hosts, depth, planning);
                for (int claim = 1; claim <= claims.size(); claim++) {
                    Shape shape = new Shape(hosts, depth, claim);
                    Cost cost = claims.get(claim - 1);
                    log.info("claim cost, {}, {}: {} leased, {} buffers, table {} pages, sequential scans {}{}", planning, shape,
                            cost.leased(), cost.buffers(), cost.tablePages(), cost.sequentialScans(), cost.plan());
                    assertThat(cost.leased()).as("leased, %s", shape).isEqualTo(Math.min(LIMIT, hosts * SLOTS));
                    costs.put(shape, cost);
                }
            }
        }
        return costs;
    }

    /**
     * The first claim of a queue, and the next one at the same instant: it starts where the first stopped (with 200
     * hosts), or passes over the deliveries the first has in flight.
     */
    private List<Cost> claimCosts(UUID subscription, int hosts, int depth, Planning planning) {
        // The rows an earlier case rolled back are dead but still in the table and its indexes until a vacuum.
        jdbc.sql("VACUUM deliveries").update();
        NoticeKeepingJdbcTemplate claims = new NoticeKeepingJdbcTemplate(dataSource);
        JdbcDeliveries adapter = new JdbcDeliveries(JdbcClient.create(claims), claims);
        return transactions.execute(tx -> {
            setOthersAside(subscription);
            if (planning == Planning.STATISTICS_BEFORE_THE_QUEUE_FILLED || planning == Planning.GENERIC_PLAN) {
                jdbc.sql("ANALYZE deliveries").update();
            }
            fill(subscription, hosts, depth);
            if (planning == Planning.STATISTICS_OF_THE_FULL_QUEUE) {
                jdbc.sql("ANALYZE deliveries").update();
            }
            if (planning == Planning.GENERIC_PLAN) {
                jdbc.sql("SET LOCAL plan_cache_mode = force_generic_plan").update();
            }
            long pages = jdbc.sql("SELECT pg_relation_size('deliveries') / current_setting('block_size')::int").query(Long.class).single();
            explainEachStatement();
            List<Cost> costs = new ArrayList<>();
            for (int claim = 0; claim < 2; claim++) {
                claims.forget();
                long scansBefore = sequentialScansOfDeliveries();

                List<Delivery.Delivering> claimed = adapter.claimDue(LIMIT, Map.of(), SLOTS, 1, LATER, Duration.ofMinutes(2));

                long scans = sequentialScansOfDeliveries() - scansBefore;
                JsonNode plan = claims.plan();
                List<String> sequential = new ArrayList<>();
                sequentialScans(plan, sequential);
                StringBuilder outline = new StringBuilder();
                outline(plan, "", outline);
                costs.add(new Cost(claimed.size(), plan.get("Shared Hit Blocks").asLong() + plan.get("Shared Read Blocks").asLong(),
                        sequential, scans, pages, outline.toString()));
            }
            tx.setRollbackOnly();
            return costs;
        });
    }

    /** The {@code claim}-th claim of a queue of {@code depth} due deliveries for each of {@code hosts} endpoints. */
    private record Shape(int hosts, int depth, int claim) {

        @Override
        public String toString() {
            return hosts + " hosts × " + depth + " due each, claim " + claim;
        }
    }

    /** How the claim's statement is planned. */
    private enum Planning {
        /** Statistics gathered while the queue was empty, as after a quiet spell: the planner believes it empty. */
        STATISTICS_BEFORE_THE_QUEUE_FILLED,
        /** Statistics gathered with the queue full. */
        STATISTICS_OF_THE_FULL_QUEUE,
        /** A plan for any parameter values, as PostgreSQL may keep for a statement prepared by the driver. */
        GENERIC_PLAN
    }

    /**
     * What one claim leased and read, the sequential scans of deliveries in its plan and counted by PostgreSQL, the
     * table's size, and the plan in outline.
     */
    private record Cost(int leased, long buffers, List<String> sequentialScans, long sequentialScansCounted, long tablePages,
                        String plan) {
    }

    /** From here to the end of the transaction, every statement's executed plan comes back to its caller as a notice. */
    private void explainEachStatement() {
        jdbc.sql("LOAD 'auto_explain'").update();
        for (String setting : List.of("log_min_duration = 0", "log_analyze = on", "log_buffers = on", "log_timing = off",
                "log_format = json", "log_level = notice")) {
            jdbc.sql("SET LOCAL auto_explain." + setting).update();
        }
    }

    private long sequentialScansOfDeliveries() {
        return jdbc.sql("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'deliveries'").query(Long.class).single();
    }

    /** The plan, a node a line: what it read, through which index, how many rows in how many loops, and its buffers. */
    private static void outline(JsonNode node, String indent, StringBuilder out) {
        out.append('\n').append(indent).append(node.path("Parent Relationship").asString("")).append(' ')
                .append(node.path("Subplan Name").asString("")).append(' ').append(node.path("Node Type").asString()).append(' ')
                .append(node.path("Relation Name").asString("")).append(' ').append(node.path("Alias").asString("")).append(' ')
                .append(node.path("Index Name").asString("")).append(" rows=").append(node.path("Actual Rows").asLong())
                .append(" loops=").append(node.path("Actual Loops").asLong())
                .append(" buffers=").append(node.path("Shared Hit Blocks").asLong() + node.path("Shared Read Blocks").asLong());
        for (JsonNode child : node.path("Plans")) {
            outline(child, indent + "  ", out);
        }
    }

    private static void sequentialScans(JsonNode node, List<String> found) {
        if ("Seq Scan".equals(node.path("Node Type").asString()) && "deliveries".equals(node.path("Relation Name").asString())) {
            found.add(node.path("Alias").asString());
        }
        for (JsonNode child : node.path("Plans")) {
            sequentialScans(child, found);
        }
    }

    /** {@code depth} due deliveries for each of {@code hosts} endpoints, inserted oldest first, the endpoints side by side. */
    private void fill(UUID subscription, int hosts, int depth) {
        jdbc.sql("""
                        INSERT INTO deliveries (id, subscription_id, event_id, event_type, endpoint, payload, status,
                                                next_attempt_at, created_at, published_at)
                        SELECT gen_random_uuid(), :subscription, gen_random_uuid(), 'incident.updated',
                               'https://' || :name || '-' || lpad(e::text, 3, '0') || '.example:443', :payload, 'pending',
                               CAST(:later AS timestamptz) - make_interval(secs => n), now(), now()
                        FROM generate_series(1, :depth) n, generate_series(1, :hosts) e
                        ORDER BY n DESC, e""")
                .param("subscription", subscription)
                .param("name", "cost-" + UUID.randomUUID())
                .param("payload", PAYLOAD)
                .param("later", Timestamp.from(LATER))
                .param("depth", depth)
                .param("hosts", hosts)
                .update();
    }

    /** Pushes every waiting delivery but the test's own past the claim's instant, until the rollback. */
    private void setOthersAside(UUID subscription) {
        jdbc.sql("UPDATE deliveries SET next_attempt_at = ? WHERE status IN ('pending', 'failed') AND subscription_id <> ?")
                .params(Timestamp.from(LATER.plus(Duration.ofDays(1))), subscription)
                .update();
    }

    /** Keeps the plan {@code auto_explain} sends back on a statement, instead of dropping the statement's warnings. */
    private static final class NoticeKeepingJdbcTemplate extends JdbcTemplate {

        private final List<String> notices = new ArrayList<>();

        NoticeKeepingJdbcTemplate(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void handleWarnings(Statement statement) throws SQLException {
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                notices.add(warning.getMessage());
            }
        }

        void forget() {
            notices.clear();
        }

        /** The top node of the one claim's plan reported (the driver may pass on the notices of the connection's other statements too). */
        JsonNode plan() {
            List<JsonNode> claims = notices.stream()
                    .filter(n -> n.contains("plan:"))
                    .map(n -> JSON.readTree(n.substring(n.indexOf('{'))))
                    .filter(p -> p.path("Query Text").asString().contains("SET lease_id"))
                    .toList();
            assertThat(claims).as("plans of claims reported").hasSize(1);
            return claims.get(0).get("Plan");
        }
    }
}
