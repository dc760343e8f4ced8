# Installs slipway with its themes, man page and shell completions.
#
#   make install                      # release build, into /usr/local
#   make install PREFIX=$HOME/.local  # or anywhere; DESTDIR is respected for packaging
#   make uninstall PREFIX=...
#
# CONFIGURATION=debug installs the debug build instead (CI uses it to check the install without a second build).

PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURATION ?= release
SWIFT ?= swift

BIN_DIR := $(DESTDIR)$(PREFIX)/bin
SHARE_DIR := $(DESTDIR)$(PREFIX)/share
BUILT ?= $(shell $(SWIFT) build -c $(CONFIGURATION) --show-bin-path)/slipway

.PHONY: build install install-built uninstall

build:
	$(SWIFT) build -c $(CONFIGURATION) --product slipway

install: build install-built

# Installs what is already built (BUILT= names another binary).
install-built:
	install -d "$(BIN_DIR)" "$(SHARE_DIR)/slipway/themes" "$(SHARE_DIR)/man/man1" \
		"$(SHARE_DIR)/bash-completion/completions" "$(SHARE_DIR)/zsh/site-functions" "$(SHARE_DIR)/fish/vendor_completions.d"
	install -m 755 "$(BUILT)" "$(BIN_DIR)/slipway"
	install -m 644 themes/*.json "$(SHARE_DIR)/slipway/themes/"
	git rev-parse HEAD > "$(SHARE_DIR)/slipway/build-commit" 2>/dev/null || rm -f "$(SHARE_DIR)/slipway/build-commit"
	"$(BUILT)" man > "$(SHARE_DIR)/man/man1/slipway.1"
	"$(BUILT)" completions bash > "$(SHARE_DIR)/bash-completion/completions/slipway"
	"$(BUILT)" completions zsh > "$(SHARE_DIR)/zsh/site-functions/_slipway"
	"$(BUILT)" completions fish > "$(SHARE_DIR)/fish/vendor_completions.d/slipway.fish"
	@echo "installed $(BIN_DIR)/slipway ($$("$(BIN_DIR)/slipway" --version))"

uninstall:
	rm -f "$(BIN_DIR)/slipway" "$(SHARE_DIR)/man/man1/slipway.1" "$(SHARE_DIR)/bash-completion/completions/slipway" \
		"$(SHARE_DIR)/zsh/site-functions/_slipway" "$(SHARE_DIR)/fish/vendor_completions.d/slipway.fish"
	rm -rf "$(SHARE_DIR)/slipway"
