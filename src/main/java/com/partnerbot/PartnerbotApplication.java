package com.partnerbot;

import com.partnerbot.assistant.AnswerEvalCommand;
import com.partnerbot.knowledge.EvalCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class PartnerbotApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("eval")) {
			// the evaluation needs neither the database nor Slack, so no application
			// context
			boolean answers = args.length > 1 && args[1].equals("answers");
			System.exit(answers ? AnswerEvalCommand.run(args, System.getenv(), System.out, System.err)
					: EvalCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(PartnerbotApplication.class, args);
	}

}
