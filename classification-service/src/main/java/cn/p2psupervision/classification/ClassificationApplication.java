package cn.p2psupervision.classification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Classification context: findings, assessment and decisions (分类处置). */
@SpringBootApplication
public class ClassificationApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClassificationApplication.class, args);
    }
}
