package org.fraudstats.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.fraudstats.bulletin.BulletinPublisher;
import org.fraudstats.bulletin.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "revisions", mixinStandardHelpOptions = true,
        description = "List the published revisions of the bulletins of a period, with what each revision changed.")
class RevisionsCommand implements Callable<Integer> {

    @Mixin
    Period period;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    private final Services services;

    RevisionsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        period.check(spec);
        var out = spec.commandLine().getOut();
        JsonMapper json = JsonMapper.builder().build();
        List<Revision> all = services.get(BulletinPublisher.class).revisions(period.from, period.to);
        out.println("kind,date_from,date_to,revision,generated_at,job_execution_id,changes");
        for (Revision r : all) {
            List<?> changes = json.readValue(r.changesJson(), List.class);
            out.printf("%s,%s,%s,%d,%s,%s,\"%s\"%n", r.kind().publicName(), r.from(), r.to(), r.revision(), r.generatedAtInBeijing(),
                    r.jobExecutionId() == null ? "" : r.jobExecutionId(),
                    String.join("; ", changes.stream().map(Object::toString).toList()).replace("\"", "\"\""));
        }
        out.flush();
        return 0;
    }
}
