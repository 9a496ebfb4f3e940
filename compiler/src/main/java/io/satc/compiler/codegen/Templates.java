package io.satc.compiler.codegen;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

/**
 * The one FreeMarker configuration: templates from the classpath, errors rethrown (a template
 * bug is a satc bug), HTML auto-escaping for {@code .ftlh} templates, fixed locale.
 */
final class Templates {

    private static final Configuration CONFIG = configure();

    private Templates() {}

    private static Configuration configure() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(Templates.class, "templates");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setRecognizeStandardFileExtensions(true);
        c.setOutputFormat(freemarker.core.PlainTextOutputFormat.INSTANCE);
        return c;
    }

    static String render(String name, Map<String, Object> model) {
        try {
            Template t = CONFIG.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("template " + name + " failed", e);
        }
    }
}
