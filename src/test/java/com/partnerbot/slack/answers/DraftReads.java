package com.partnerbot.slack.answers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;

import com.partnerbot.deals.DealDrafts;
import com.partnerbot.deals.ThreadRef;
import com.partnerbot.mdf.MdfDrafts;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * How many times the Slack adapter looked up each conversation's deal and MDF drafts: the
 * real beans, counted on the way in (a draft's own reads inside its bean are not).
 */
public final class DraftReads {

	private static final Map<String, AtomicInteger> READS = new ConcurrentHashMap<>();

	private DraftReads() {
	}

	/** Look-ups of the deal draft of the conversation {@code channel:ts}. */
	static int deal(String conversationKey) {
		return READS.getOrDefault("deal " + conversationKey, new AtomicInteger()).get();
	}

	/** Look-ups of the MDF draft of the conversation {@code channel:ts}. */
	static int mdf(String conversationKey) {
		return READS.getOrDefault("mdf " + conversationKey, new AtomicInteger()).get();
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor draftReads() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DealDrafts) && !(bean instanceof MdfDrafts)) {
						return bean;
					}
					ProxyFactory proxy = new ProxyFactory(bean);
					proxy.setProxyTargetClass(true);
					proxy.addAdvice((MethodInterceptor) call -> {
						if (call.getMethod().getName().equals("find")) {
							Object key = call.getArguments()[0];
							String counted = (key instanceof ThreadRef thread)
									? "deal " + thread.channel() + ":" + thread.ts() : "mdf " + key;
							READS.computeIfAbsent(counted, k -> new AtomicInteger()).incrementAndGet();
						}
						return call.proceed();
					});
					return proxy.getProxy();
				}
			};
		}

	}

}
