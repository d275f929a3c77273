package cn.p2psupervision.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Both languages name every text: a key missing in one would show as a raw key there. */
class MessagesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties chinese = load("messages_zh_CN.properties");
        Properties english = load("messages_en.properties");

        assertThat(chinese.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
    }

    @Test
    void theCampaignsOwnTermsAreThere() throws IOException {
        Properties chinese = load("messages_zh_CN.properties");

        assertThat(chinese.values()).contains("一户一档", "合规类", "整改类", "取缔类", "公示", "备案登记");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
