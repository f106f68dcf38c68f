CREATE TABLE revocations (earned_badge_id VARCHAR(24) PRIMARY KEY);
