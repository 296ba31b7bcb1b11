package com.partnerbot.crm;

import lombok.RequiredArgsConstructor;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/crm")
@RequiredArgsConstructor
class CrmController {

	private final CrmManagement crm;

	@GetMapping("/status")
	CrmManagement.Status status() {
		return crm.status();
	}

	@PostMapping("/sync")
	CrmManagement.SyncReport sync() {
		return crm.syncNow();
	}

}
