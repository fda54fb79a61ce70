from noticelint.cli import run

run()
