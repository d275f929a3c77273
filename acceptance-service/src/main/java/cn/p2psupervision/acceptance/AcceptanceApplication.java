package cn.p2psupervision.acceptance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Acceptance context: rectification acceptance, public notice and filing (整改验收, 备案登记). */
@SpringBootApplication
public class AcceptanceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AcceptanceApplication.class, args);
    }
}
