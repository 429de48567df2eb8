package io.sitrep.support.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestTextModuleTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new RequestTextModule()).build();

    record Command(String title, List<Item> items, Map<String, String> labels) {
    }

    record Item(String name) {
    }

    @ReplaceUnsafeText
    record Alert(String summary, Map<String, String> labels, List<String> notes, Nested nested, Object details) {
    }

    @ReplaceUnsafeText
    record Nested(String text) {
    }

    record Loose(Object details) {
    }

    record Partly(String strict, @ReplaceUnsafeText String lenient) {
    }

    @Test
    void refusesANulInATopLevelFieldNamingIt() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"a\\u0000b\"}", Command.class))
                .isInstanceOfSatisfying(UnsafeTextRejected.class, e -> {
                    assertThat(path(e)).isEqualTo("title");
                    assertThat(e.rule()).contains("U+0000 at character 2").doesNotContain("a\u0000b");
                });
    }

    @Test
    void refusesALoneSurrogateWrittenAsAJsonEscape() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"\\ud800\"}", Command.class))
                .isInstanceOfSatisfying(UnsafeTextRejected.class, e -> assertThat(e.rule()).contains("U+D800"));
    }

    @Test
    void refusesAnUnsafeCharacterInsideAListNamingTheIndex() {
        assertThatThrownBy(() -> json.readValue("{\"title\":\"t\",\"items\":[{\"name\":\"ok\"},{\"name\":\"\\uffff\"}]}", Command.class))
                .isInstanceOfSatisfying(UnsafeTextRejected.class, e -> assertThat(path(e)).isEqualTo("items[1].name"));
    }

    @Test
    void refusesUnsafeMapKeysAndValues() {
        assertThatThrownBy(() -> json.readValue("{\"labels\":{\"k\\u0001\":\"v\"}}", Command.class))
                .isInstanceOf(UnsafeTextRejected.class);
        assertThatThrownBy(() -> json.readValue("{\"labels\":{\"k\":\"v\\u001b\"}}", Command.class))
                .isInstanceOfSatisfying(UnsafeTextRejected.class, e -> assertThat(path(e)).isEqualTo("labels.k"));
    }

    @Test
    void readsSafeTextUnchanged() {
        Command command = json.readValue("{\"title\":\"Tab\\there, line\\nthere \\ud83d\\ude80\"}", Command.class);

        assertThat(command.title()).isEqualTo("Tab\there, line\nthere \uD83D\uDE80");
    }

    @Test
    void replacesUnsafeCharactersInTypesMarkedToReplace() {
        Alert alert = json.readValue("""
                {"summary":"disk\\u0000full","labels":{"in\\u0007stance":"web\\ud800"},"notes":["a\\uffff"],
                 "nested":{"text":"x\\u009b"},"details":{"any":"thing\\u0000"}}""", Alert.class);

        assertThat(alert.summary()).isEqualTo("disk\uFFFDfull");
        assertThat(alert.labels()).containsEntry("in\uFFFDstance", "web\uFFFD");
        assertThat(alert.notes()).containsExactly("a\uFFFD");
        assertThat(alert.nested().text()).isEqualTo("x\uFFFD");
        assertThat(alert.details()).isEqualTo(Map.of("any", "thing\uFFFD"));
    }

    @Test
    void refusesUnsafeTextInsideAFreeFormValue() {
        assertThatThrownBy(() -> json.readValue("{\"details\":{\"list\":[1,true,\"\\u0000\"]}}", Loose.class))
                .isInstanceOfSatisfying(UnsafeTextRejected.class, e -> assertThat(path(e)).isEqualTo("details"));
        assertThat(json.readValue("{\"details\":{\"n\":1,\"ok\":[true,null,\"x\"]}}", Loose.class).details())
                .isEqualTo(Map.of("n", 1, "ok", java.util.Arrays.asList(true, null, "x")));
    }

    @Test
    void replacesOnlyInTheFieldMarkedToReplace() {
        Partly partly = json.readValue("{\"lenient\":\"a\\u0000\"}", Partly.class);

        assertThat(partly.lenient()).isEqualTo("a\uFFFD");
        assertThatThrownBy(() -> json.readValue("{\"strict\":\"a\\u0000\"}", Partly.class)).isInstanceOf(UnsafeTextRejected.class);
    }

    @Test
    void aTopLevelStringIsChecked() {
        assertThatThrownBy(() -> json.readValue("\"\\u0000\"", String.class)).isInstanceOf(UnsafeTextRejected.class);
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        e.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }
}
